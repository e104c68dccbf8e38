package com.starkiller.images.operations;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.starkiller.images.AppInstance;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica-set rules are on by default, and a connection string that names its own wins. */
class MongoRulesTest extends IntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Test
	void writesByMajorityReadsOfMajorityCommittedDataFromThePrimary() {
		MongoDatabase database = this.mongo.getDb();

		assertThat(database.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY);
		assertThat(database.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
		assertThat(database.getReadPreference()).isEqualTo(ReadPreference.primary());
	}

	@Test
	void aConnectionStringThatNamesItsOwnRulesKeepsThem() {
		String uri = TestServers.mongoUri() + "?w=1&readConcernLevel=local";
		try (AppInstance app = AppInstance.start("spring.mongodb.uri=" + uri)) {
			MongoDatabase database = app.bean(MongoTemplate.class).getDb();

			assertThat(database.getWriteConcern()).isEqualTo(WriteConcern.W1);
			assertThat(database.getReadConcern()).isEqualTo(ReadConcern.LOCAL);
		}
	}

}
