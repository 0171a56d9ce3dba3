/**
 * Synthetic datasets for benchmarks: N people with names drawn from common Chinese and American
 * name distributions, honorific aliases, and 1-4 tenures each of posts drawn from the built-in
 * dataset's posts plus generated ones (provincial and departmental offices). Deterministic.
 */
import type { Dataset, DatasetInput } from '../src/core/schema';

const CN_SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Gao', 'Lin', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng'];
const CN_GIVEN = ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Jun', 'Yang', 'Yong', 'Yan', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiu', 'Hua', 'Ping', 'Gang', 'Hui', 'Lin', 'Qiang', 'Jianguo', 'Xiaoming', 'Haiyan', 'Zhiqiang', 'Guoqing', 'Lifeng', 'Chenggang', 'Wentao', 'Haixing', 'Jianchao'];
const US_GIVEN = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley'];
const US_SURNAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson'];
const PROVINCES = ['Anhui', 'Fujian', 'Gansu', 'Guangdong', 'Guizhou', 'Hainan', 'Hebei', 'Henan', 'Hubei', 'Hunan', 'Jiangsu', 'Jiangxi', 'Jilin', 'Liaoning', 'Qinghai', 'Shaanxi', 'Shandong', 'Shanxi', 'Sichuan', 'Yunnan', 'Zhejiang'];
const US_DEPARTMENTS = ['agriculture', 'energy', 'labor', 'transportation', 'education', 'interior', 'veterans affairs', 'homeland security', 'housing', 'health'];

/** A small deterministic random generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDataset(count: number, seed = 42): DatasetInput {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const roles: Dataset['roles'] = [];
  for (const province of PROVINCES) {
    roles.push({ id: `syn.cn.governor_${province.toLowerCase()}`, title: `governor of ${province}`, aliases: [`${province} governor`], country: 'CN', unique: true });
    roles.push({ id: `syn.cn.party_secretary_${province.toLowerCase()}`, title: `party secretary of ${province}`, aliases: [`${province} party chief`], country: 'CN', unique: true });
  }
  for (const department of US_DEPARTMENTS) {
    const id = department.replace(/\s+/g, '_');
    roles.push({ id: `syn.us.deputy_secretary_${id}`, title: `deputy secretary of ${department}`, aliases: [], country: 'US', unique: false });
    roles.push({ id: `syn.us.assistant_secretary_${id}`, title: `assistant secretary of ${department}`, aliases: [], country: 'US', unique: false });
  }
  const actors: NonNullable<DatasetInput['actors']> = [];
  for (let index = 0; index < count; index++) {
    const chinese = next() < 0.5;
    const surname = chinese ? pick(CN_SURNAMES) : pick(US_SURNAMES);
    const given = chinese ? pick(CN_GIVEN) : pick(US_GIVEN);
    const name = chinese ? `${surname} ${given}` : `${given} ${surname}`;
    const tenures = [];
    let year = 1990 + Math.floor(next() * 25);
    for (let count = 1 + Math.floor(next() * 4); count > 0; count--) {
      const role = pick(roles.filter((candidate) => candidate.country === (chinese ? 'CN' : 'US')));
      const length = 1 + Math.floor(next() * 6);
      tenures.push({ role: role.id, start: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`, end: `${year + length}`, acting: true });
      year += length + 1;
    }
    actors.push({ id: `syn.person_${index}`, name, aliases: [`${next() < 0.5 ? 'Mr' : 'Ms'} ${surname}`], country: chinese ? 'CN' : 'US', tenures });
  }
  return { name: `Synthetic ${count}`, roles, actors };
}
