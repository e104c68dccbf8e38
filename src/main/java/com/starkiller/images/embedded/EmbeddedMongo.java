package com.starkiller.images.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no MongoDB configured, an in-process MongoDB wire-protocol server (mongo-java-server)
 * keeps the data in an H2 file under the data directory, so a restart keeps it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedServers.NoMongoConfigured.class)
class EmbeddedMongo {

	static final String DATABASE = "starkiller";

	@Bean(destroyMethod = "shutdown")
	MongoServer embeddedMongoServer(EmbeddedProperties properties) throws IOException {
		Path file = dataFile(properties);
		MongoServer server = new MongoServer(new IdLookupH2Backend(file.toString()));
		server.bind(FreePorts.LOOPBACK, FreePorts.next());
		return server;
	}

	@Bean
	MongoConnectionDetails mongoConnectionDetails(MongoServer server) {
		ConnectionString connection = new ConnectionString(server.getConnectionString() + "/" + DATABASE);
		return () -> connection;
	}

	static Path dataFile(EmbeddedProperties properties) throws IOException {
		Path dir = Files.createDirectories(properties.dataDir().toAbsolutePath().normalize());
		return dir.resolve("mongo.mv.db");
	}

}
