import { MemoryStore } from '../../src/store';
import { incident } from './records';
import { runRetentionContract } from './retention-contract';
import { runStoreContract } from './store-contract';

runStoreContract('MemoryStore', async () => new MemoryStore());
runRetentionContract('MemoryStore', async (clock) => new MemoryStore({ clock }));

describe('MemoryStore', () => {
  it('hands out copies: changing a record read back does not change the store', async () => {
    const store = new MemoryStore();
    await store.putIncident(incident('i1', '2026-03-22T18:00:00.000Z'));
    const read = await store.getIncident('i1');
    read?.places.push({ name: 'Elsewhere', country: 'XX' });
    expect(await store.getIncident('i1')).toEqual(incident('i1', '2026-03-22T18:00:00.000Z'));
  });
});
