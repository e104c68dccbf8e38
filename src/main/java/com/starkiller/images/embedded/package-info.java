/**
 * The development default: with no MongoDB or Redis configured, the app starts its own on free
 * loopback ports (mongo-java-server on an H2 file, and a real {@code redis-server}), and says in
 * one log line which mode runs. Production configures real servers and starts none of this.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded servers")
package com.starkiller.images.embedded;
