import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server in a process of its own: the "external MongoDB" of loadtest/bench-external
 * on a machine that has no MongoDB server. Run with the app's extracted lib/ on the class path
 * (and, for the memory backend, mongo-java-server-memory-backend's jar):
 *
 * <pre>
 *   java -cp 'lib/*' ExternalMongo.java FILE PORT            serves the H2 file itself
 *   java -cp 'lib/*:memory-backend.jar' ExternalMongo.java FILE PORT memory
 * </pre>
 *
 * memory: every collection of every database in the H2 file (opened read-only when H2 allows
 * it, so the file is left as it is) is copied, documents and indexes, into a MemoryBackend,
 * which is then served; the copy goes through the wire protocol (the file served on an ephemeral
 * loopback port, the driver reading it and writing to the memory backend), so it only uses
 * mongo-java-server's public surface. "listening" is printed once the copy is complete.
 */
public class ExternalMongo {

	private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

	public static void main(String[] args) throws Exception {
		String file = args[0];
		int port = Integer.parseInt(args[1]);
		String backend = args.length > 2 ? args[2] : "h2";
		MongoServer server;
		if (backend.equals("h2")) {
			server = new MongoServer(new H2Backend(file));
			server.bind("127.0.0.1", port);
		}
		else if (backend.equals("memory")) {
			server = new MongoServer(memoryBackend());
			server.bind("127.0.0.1", port);
			copyInto(file, port);
		}
		else {
			throw new IllegalArgumentException("backend: h2 or memory, got " + backend);
		}
		MongoServer served = server;
		Runtime.getRuntime().addShutdownHook(new Thread(served::shutdown));
		System.out.println("listening on 127.0.0.1:" + port + " (" + backend + " backend)");
		Thread.currentThread().join();
	}

	// by name, so that the H2 mode runs without the memory backend's jar on the class path
	private static MongoBackend memoryBackend() throws ReflectiveOperationException {
		return (MongoBackend) Class.forName("de.bwaldvogel.mongo.backend.memory.MemoryBackend")
			.getDeclaredConstructor()
			.newInstance();
	}

	private static void copyInto(String file, int port) {
		long t0 = System.nanoTime();
		H2Backend h2;
		MVStore store = null;
		try {
			store = new MVStore.Builder().fileName(file).readOnly().open();
			h2 = new H2Backend(store);
			System.out.println("copying from " + file + " (opened read-only)");
		}
		catch (RuntimeException ex) {
			if (store != null) {
				store.close();
			}
			System.out.println("read-only open failed (" + ex + "): opening " + file + " read-write");
			h2 = new H2Backend(file);
		}
		MongoServer source = new MongoServer(h2);
		InetSocketAddress from = source.bind();
		long documents = 0;
		try (MongoClient in = MongoClients.create("mongodb://127.0.0.1:" + from.getPort());
				MongoClient out = MongoClients.create("mongodb://127.0.0.1:" + port)) {
			for (String dbName : in.listDatabaseNames()) {
				if (SYSTEM_DATABASES.contains(dbName)) {
					continue;
				}
				MongoDatabase src = in.getDatabase(dbName);
				MongoDatabase dst = out.getDatabase(dbName);
				for (String name : src.listCollectionNames()) {
					long n = copyCollection(src.getCollection(name, RawBsonDocument.class),
							dst.getCollection(name, RawBsonDocument.class));
					documents += n;
					System.out.printf("  %s.%s: %,d documents%n", dbName, name, n);
				}
			}
		}
		finally {
			source.shutdown();
		}
		System.out.printf("copied %,d documents into the memory backend in %.1f s%n", documents,
				(System.nanoTime() - t0) / 1e9);
	}

	private static long copyCollection(MongoCollection<RawBsonDocument> src, MongoCollection<RawBsonDocument> dst) {
		// indexes first (the _id index every collection has): unique ones check the copy as it goes
		for (Document index : src.listIndexes()) {
			String name = index.getString("name");
			if ("_id_".equals(name)) {
				continue;
			}
			IndexOptions options = new IndexOptions().name(name)
				.unique(index.getBoolean("unique", false))
				.sparse(index.getBoolean("sparse", false));
			try {
				dst.createIndex(index.get("key", Document.class), options);
				System.out.println("  index " + src.getNamespace() + " " + index.toJson());
			}
			catch (RuntimeException ex) {
				System.out.println("  index " + src.getNamespace() + " " + index.toJson() + " not copied: " + ex);
			}
		}
		List<RawBsonDocument> batch = new ArrayList<>(1000);
		long n = 0;
		for (RawBsonDocument document : src.find().batchSize(1000)) {
			batch.add(document);
			if (batch.size() == 1000) {
				dst.insertMany(batch);
				n += batch.size();
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			dst.insertMany(batch);
			n += batch.size();
		}
		return n;
	}

}
