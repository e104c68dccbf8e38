package com.starkiller.images.cache;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

/** Two app instances sharing the test MongoDB and Redis, started once for the tests of a class. */
abstract class TwoInstancesTest {

	protected static AppInstance instanceA;

	protected static AppInstance instanceB;

	protected static Http a;

	protected static Http b;

	@BeforeAll
	static void startTwoInstances() {
		instanceA = AppInstance.start();
		instanceB = AppInstance.start();
		a = instanceA.http();
		b = instanceB.http();
	}

	@AfterAll
	static void stopTwoInstances() {
		instanceA.close();
		instanceB.close();
	}

}
