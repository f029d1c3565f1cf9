package com.onsiteatlas.launch;

import java.util.concurrent.CountDownLatch;

/**
 * Stands in for embedded-infra in {@link SuiteTests}: prints a {@code READY} line and
 * runs until it is stopped.
 */
public final class FakeInfra {

	private FakeInfra() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.out.println("READY in 0.1 s: legacy=http://127.0.0.1:" + System.getenv("ATLAS_LEGACY_PORT"));
		new CountDownLatch(1).await();
	}

}
