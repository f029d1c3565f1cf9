package com.onsiteatlas.gateway.correlation;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code logback-spring.xml} (tests log through {@code logback-test.xml}, so
 * the integration tests never load it).
 */
class AccessLogConfigurationTests {

	@Test
	void queuesAccessLinesWithoutEverBlockingAndKeepsOtherLoggersOnTheConsole() throws Exception {
		LoggerContext context = new LoggerContext();
		try {
			JoranConfigurator configurator = new JoranConfigurator();
			configurator.setContext(context);
			configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
			Logger access = context.getLogger("com.onsiteatlas.gateway.access");
			assertThat(access.isAdditive()).isFalse();
			assertThat(access.getAppender("ACCESS")).isInstanceOfSatisfying(AsyncAppender.class, (async) -> {
				assertThat(async.isNeverBlock()).isTrue();
				assertThat(async.getQueueSize()).isEqualTo(8192);
				assertThat(async.getAppender("CONSOLE")).isNotNull();
				assertThat(async.isStarted()).isTrue();
			});
			assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
			assertThat(context.getLogger("com.onsiteatlas.gateway.auth").getEffectiveLevel().levelStr)
				.isEqualTo("INFO");
		}
		finally {
			context.stop();
		}
	}

}
