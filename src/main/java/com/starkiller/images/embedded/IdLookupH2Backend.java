package com.starkiller.images.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with one addition: a query that names one document by its
 * {@code _id} (or a few by {@code _id: {$in: [...]}}), with further conditions beside it, reads those
 * documents instead of every document
 * of the collection. The server uses its {@code _id} index only for a query on {@code _id} alone,
 * so a conditional write such as {@code {_id: 7, version: 3}} used to read the whole collection;
 * real MongoDB answers both from the index.
 */
public class IdLookupH2Backend extends H2Backend {

	public IdLookupH2Backend(String file) {
		super(file);
	}

	public IdLookupH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		return new Database(name);
	}

	private final class Database extends H2Database {

		Database(String name) {
			super(name, IdLookupH2Backend.this.getMvStore(), IdLookupH2Backend.this.getCursorRegistry());
		}

		// The map names H2Database gives a collection, so existing data files open as they are.
		@Override
		protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(name);
			MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
			MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
			return new IdLookupCollection(this, name, options, data, meta, this.cursorRegistry);
		}

	}

	private static final class IdLookupCollection extends H2Collection {

		IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Object id = query.get("_id");
			List<Object> ids;
			if (id instanceof Document condition && condition.size() == 1 && condition.get("$in") instanceof Collection<?> in
					&& in.stream().allMatch(Number.class::isInstance)) {
				// {_id: {$in: [...]}}: the saved listings, read in one query.
				ids = new ArrayList<>(new LinkedHashSet<>(in));
			}
			else if (id == null || id instanceof Document || id instanceof Collection || id instanceof java.util.regex.Pattern) {
				return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
			}
			else {
				ids = List.of(id);
			}
			List<Object> found = new ArrayList<>();
			for (Object each : ids) {
				for (Object key : keys(each)) {
					if (getDocument(key) != null) {
						found.add(key);
						break;
					}
				}
			}
			return matchDocuments(query, found, orderBy, skip, limit, batchSize, fields);
		}

		/** The id as stored: a number may have been stored as another numeric type. */
		private static Set<Object> keys(Object id) {
			Set<Object> keys = new LinkedHashSet<>();
			keys.add(id);
			if (id instanceof Number number) {
				keys.add(number.longValue());
				if (number.longValue() == number.intValue()) {
					keys.add(number.intValue());
				}
				keys.add(number.doubleValue());
			}
			return keys;
		}

	}

}
