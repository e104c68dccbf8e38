import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server on an H2 file, in a process of its own: the "external MongoDB" of
 * loadtest/bench-external on a machine that has no MongoDB server. Run with the app's
 * extracted lib/ on the class path: java -cp 'lib/*' ExternalMongo.java FILE PORT
 */
public class ExternalMongo {

	public static void main(String[] args) throws Exception {
		MongoServer server = new MongoServer(new H2Backend(args[0]));
		server.bind("127.0.0.1", Integer.parseInt(args[1]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		System.out.println("listening on 127.0.0.1:" + args[1]);
		Thread.currentThread().join();
	}

}
