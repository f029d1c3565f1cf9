package com.onsiteatlas.support.messaging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.onsiteatlas.domainevents.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services declare the domain topics unless told that the broker's administrator
 * creates them (a broker with ACLs: the services may not).
 */
class DomainTopicsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, DomainTopicsConfiguration.class);

	@Test
	void declaresEveryTopicAndItsDeadLetterTopicByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class)
			.getBean(KafkaAdmin.NewTopics.class)
			.extracting("newTopics")
			.asList()
			.hasSize(2 * Topics.all().size()));
	}

	@Test
	void declaresNoneWhenTopicCreationIsOff() {
		this.runner.withPropertyValues("atlas.messaging.create-topics=false")
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MessagingProperties.class)
	static class Properties {

	}

}
