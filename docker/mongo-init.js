// One-shot: makes mongo-1..3 the replica set rs0 unless it already is one, then waits for a primary.
// Run by compose's mongo-init service: mongosh --host mongo-1 --file mongo-init.js
const members = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
try {
  rs.status();
  print('rs0 already initiated');
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host })) });
  print('rs0 initiated');
}
for (let i = 0; i < 120 && !db.hello().primary; i++) sleep(500);
if (!db.hello().primary) throw new Error('rs0 elected no primary in 60 s');
print('primary: ' + db.hello().primary);
