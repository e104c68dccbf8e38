package com.starkiller.images.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for the servers the app (or a test) starts for itself. */
public final class FreePorts {

	public static final String LOOPBACK = "127.0.0.1";

	private FreePorts() {
	}

	public static int next() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(LOOPBACK, 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + LOOPBACK, ex);
		}
	}

}
