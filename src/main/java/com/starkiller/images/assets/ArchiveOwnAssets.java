package com.starkiller.images.assets;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Stores this release's assets in the archive at start: an application runner, so before the
 * instance reports ready and a load balancer sends it a request. If MongoDB does not answer, the
 * start goes on (other releases' pages may then miss these assets until they are stored) and the
 * archive is tried again every half minute until it succeeds.
 */
class ArchiveOwnAssets implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ArchiveOwnAssets.class);

	private final OwnAssets own;

	private final AssetArchive archive;

	private volatile boolean archived;

	ArchiveOwnAssets(OwnAssets own, AssetArchive archive) {
		this.own = own;
		this.archive = archive;
	}

	@Override
	public void run(ApplicationArguments args) {
		archive();
	}

	@Scheduled(initialDelayString = "30s", fixedDelayString = "30s")
	void retry() {
		if (!this.archived) {
			archive();
		}
	}

	private synchronized void archive() {
		try {
			List<Asset> assets = this.own.list();
			int stored = this.archive.storeMissing(assets);
			this.archived = true;
			log.info("Assets archived: {} of this release's {} were new", stored, assets.size());
		}
		catch (RuntimeException ex) {
			log.warn("This release's assets are not archived yet; trying again in 30 s: {}", ex.toString());
		}
	}

}
