package com.starkiller.images.operations;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by review: GridFS took its database from the guarded factory once, at its first use, so
 * image reads and writes never asked the MongoDB breaker again: with MongoDB down, each uncached
 * image waited the whole timeout, holding a request thread, while everything else was refused.
 */
class GridFsGuardTest extends IntegrationTest {

	private static final Query NO_FILE = Query.query(Criteria.where("_id").is("no-such-file"));

	@Autowired
	GridFsTemplate gridFs;

	@Autowired
	MongoCircuitBreaker breaker;

	@Test
	void everyGridFsOperationAsksTheBreaker() {
		assertThat(this.gridFs.findOne(NO_FILE)).as("GridFS in use").isNull();
		// Open, with the next try an hour off. Any MongoDB answer closes it again (a sweep's, on
		// another thread): then the round did not count and is tried again.
		for (int round = 0; round < 10; round++) {
			AtomicLong nextTry = (AtomicLong) ReflectionTestUtils.getField(this.breaker, "nextTry");
			nextTry.set(System.nanoTime() + 3_600_000_000_000L);
			ReflectionTestUtils.setField(this.breaker, "open", true);
			boolean refused;
			try {
				this.gridFs.findOne(NO_FILE);
				refused = false;
			}
			catch (MongoCircuitBreaker.Refused expected) {
				refused = true;
			}
			finally {
				// Closed as MongoDB's first answer closes it.
				this.breaker.commandSucceeded(null);
			}
			if (refused) {
				return;
			}
		}
		throw new AssertionError("GridFS reached MongoDB in ten rounds while the breaker was open");
	}

}
