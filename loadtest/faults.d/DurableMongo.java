import java.util.Set;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

import com.starkiller.images.embedded.IdLookupH2Backend;

/**
 * The fault run's MongoDB: mongo-java-server on an H2 file in a process of its own (this machine
 * has no MongoDB server), as the app embeds it (reading one document for a query on its _id),
 * and committing after every write. H2 on its own commits once a second, so a
 * kill -9 would lose the last second of acknowledged writes, which a real MongoDB (journal,
 * w: majority) does not. Run with the app's extracted lib/ on the class path:
 * java -cp 'lib/*:starkiller-images.jar' DurableMongo.java FILE PORT
 */
public class DurableMongo {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
			"create", "createIndexes", "drop");

	public static void main(String[] args) throws Exception {
		// No background compaction: with a commit per write it rewrote the file every few seconds,
		// stalling every operation for longer than the app's MongoDB timeout.
		MVStore store = new MVStore.Builder().fileName(args[0]).autoCompactFillRate(0).open();
		IdLookupH2Backend backend = new IdLookupH2Backend(store) {
			@Override
			public Document handleMessage(MongoMessage message) {
				Document answer = super.handleMessage(message);
				if (!message.getDocument().isEmpty() && WRITES.contains(message.getDocument().keySet().iterator().next())) {
					commit();
				}
				return answer;
			}
		};
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", Integer.parseInt(args[1]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		System.out.println("listening on 127.0.0.1:" + args[1]);
		Thread.currentThread().join();
	}

}
