package com.starkiller.images.operations;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;
import org.bson.codecs.configuration.CodecRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The application's MongoDB databases, handed out through the {@link MongoCircuitBreaker}: refused at
 * once while it is open, and every failure Spring Data translates is reported to it.
 */
record GuardedDatabaseFactory(MongoDatabaseFactory delegate, MongoCircuitBreaker breaker)
		implements MongoDatabaseFactory {

	@Override
	public MongoDatabase getMongoDatabase() throws DataAccessException {
		this.breaker.check();
		return this.delegate.getMongoDatabase();
	}

	@Override
	public MongoDatabase getMongoDatabase(String name) throws DataAccessException {
		this.breaker.check();
		return this.delegate.getMongoDatabase(name);
	}

	@Override
	public PersistenceExceptionTranslator getExceptionTranslator() {
		PersistenceExceptionTranslator translator = this.delegate.getExceptionTranslator();
		return (failure) -> {
			this.breaker.recordFailure(failure);
			return translator.translateExceptionIfPossible(failure);
		};
	}

	@Override
	public CodecRegistry getCodecRegistry() {
		return this.delegate.getCodecRegistry();
	}

	@Override
	public ClientSession getSession(ClientSessionOptions options) {
		return this.delegate.getSession(options);
	}

	@Override
	public MongoDatabaseFactory withSession(ClientSession session) {
		return new GuardedDatabaseFactory(this.delegate.withSession(session), this.breaker);
	}

	@Override
	public boolean isTransactionActive() {
		return this.delegate.isTransactionActive();
	}

}
