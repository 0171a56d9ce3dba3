/** A failed dataset load is reported once, not on every change, and tried again on the next change. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { KnowledgeStore } from '../../src/vscode/knowledgeStore';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('a failed dataset load', () => {
  it('is reported once while it repeats, retried on every change, and reported again after a success', async () => {
    const api = await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const channel = vscode.window.createOutputChannel('Interlocutor load-failure test', { log: true });
    const errors: string[] = [];
    // The real channel, with its error() calls counted: that is where each report goes.
    const log = new Proxy(channel, {
      get(target, property, receiver) {
        if (property === 'error') return (message: string) => errors.push(message);
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const outcomes = ['fail', 'fail', 'ok', 'fail'];
    let calls = 0;
    const store = new KnowledgeStore(extension.extensionUri, log, {
      loader: async () => {
        const outcome = outcomes[calls++];
        if (outcome === 'fail') throw new Error('the dataset folder is not readable');
        return api.knowledge();
      },
    });
    try {
      // The first load (at activation) and the next change both fail.
      await store.reload();
      await store.reload();
      assert.equal(calls, 2, 'the second change tried again');
      assert.equal(errors.length, 1, 'the same failure twice is reported once');
      assert.equal(await store.reload(), await api.knowledge(), 'a later change loads');
      await store.reload();
      assert.equal(calls, 4);
      assert.equal(errors.length, 2, 'a failure after a success is reported again');
    } finally {
      store.dispose();
      channel.dispose();
    }
  });
});
