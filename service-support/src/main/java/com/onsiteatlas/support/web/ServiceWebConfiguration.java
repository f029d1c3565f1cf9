package com.onsiteatlas.support.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Hooks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.core.annotation.Order;

import com.onsiteatlas.support.correlation.CorrelationId;
import com.onsiteatlas.support.correlation.CorrelationIdWebFilter;
import com.onsiteatlas.support.correlation.MdcCorrelationIdAccessor;

/**
 * The web conventions every service shares: strict JSON input (unknown fields and wrong
 * types are 400s), one JSON error handler, correlation ids and the event-id path check.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.data.mongo.MongoReactiveHealthContributorAutoConfiguration" },
		afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration")
@EnableConfigurationProperties(MongoTimeouts.class)
public class ServiceWebConfiguration {

	static {
		if (!ContextRegistry.getInstance()
			.getThreadLocalAccessors()
			.stream()
			.anyMatch((accessor) -> CorrelationId.KEY.equals(accessor.key()))) {
			ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcCorrelationIdAccessor());
		}
		Hooks.enableAutomaticContextPropagation();
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
		return (builder) -> builder
			.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
					DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS,
					SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
					DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.postConfigurer(ServiceWebConfiguration::strictCoercion);
	}

	static void strictCoercion(ObjectMapper mapper) {
		mapper.registerModule(
				new SimpleModule("well-formed-text").addDeserializer(String.class, new WellFormedTextDeserializer()));
		mapper.getFactory()
			.setStreamReadConstraints(
					StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(5_000_000).build());
		mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Integer)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Boolean)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Collection)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.POJO).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
	}

	@Bean
	@Order(-2)
	JsonErrorHandler jsonErrorHandler(ObjectMapper objectMapper) {
		return new JsonErrorHandler(objectMapper);
	}

	@Bean(name = "mongoHealthContributor")
	@ConditionalOnBean(ReactiveMongoTemplate.class)
	MongoPingHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	@Bean
	MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoTimeouts timeouts) {
		return timeouts.customizer();
	}

	@Bean
	CorrelationIdWebFilter correlationIdWebFilter() {
		return new CorrelationIdWebFilter();
	}

	@Bean
	WebFluxConfigurer pagingArguments() {
		return new WebFluxConfigurer() {

			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(new PageQueryArgumentResolver());
			}

		};
	}

	@Bean
	EventIdPathFilter eventIdPathFilter() {
		return new EventIdPathFilter();
	}

}
