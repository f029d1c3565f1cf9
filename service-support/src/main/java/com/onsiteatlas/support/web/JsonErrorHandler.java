package com.onsiteatlas.support.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

import com.onsiteatlas.support.correlation.CorrelationId;
import com.onsiteatlas.support.paging.InvalidPageQueryException;

/**
 * The one exception handler of a service. Every error leaves as JSON ({@link ApiError})
 * with the right status; nothing but 5xx is logged as an error, and no stack trace leaves
 * the process.
 */
public class JsonErrorHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(JsonErrorHandler.class);

	private final ObjectMapper objectMapper;

	public JsonErrorHandler(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ApiError error = toError(ex, CorrelationId.of(exchange));
		response.setStatusCode(HttpStatusCode.valueOf(error.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		if (ex instanceof ResponseStatusException rse) {
			rse.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		}
		byte[] body;
		try {
			body = this.objectMapper.writeValueAsBytes(error);
		}
		catch (JsonProcessingException jpe) {
			body = ("{\"success\":false,\"message\":\"Internal server error\"}").getBytes(StandardCharsets.UTF_8);
		}
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	ApiError toError(Throwable ex, String correlationId) {
		if (ex instanceof ApiException api) {
			return error(api.getStatus(), api.getMessage(), api.getErrors(), correlationId);
		}
		if (ex instanceof InvalidPageQueryException page) {
			return error(HttpStatus.BAD_REQUEST, page.getMessage(), List.of(), correlationId);
		}
		if (ex instanceof WebExchangeBindException bind) {
			List<ApiError.FieldError> errors = bind.getFieldErrors()
				.stream()
				.map((fe) -> new ApiError.FieldError(fe.getField(),
						Objects.requireNonNullElse(fe.getDefaultMessage(), "is invalid")))
				.toList();
			String summary = errors.stream()
				.map((fe) -> fe.field() + ": " + fe.message())
				.collect(Collectors.joining(", "));
			if (errors.isEmpty()) {
				summary = bind.getGlobalErrors()
					.stream()
					.map((ge) -> Objects.requireNonNullElse(ge.getDefaultMessage(), "invalid"))
					.collect(Collectors.joining(", "));
			}
			return error(HttpStatus.BAD_REQUEST, "Validation failed: " + summary, errors, correlationId);
		}
		DataBufferLimitException limit = findCause(ex, DataBufferLimitException.class);
		if (limit != null) {
			return error(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large: " + limit.getMessage(), List.of(),
					correlationId);
		}
		if (ex instanceof ServerWebInputException input) {
			return error(HttpStatus.BAD_REQUEST, describeInputProblem(input), List.of(), correlationId);
		}
		if (ex instanceof DecodingException decoding) {
			return error(HttpStatus.BAD_REQUEST, describeJsonProblem(decoding), List.of(), correlationId);
		}
		if (ex instanceof ResponseStatusException rse) {
			HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
			status = (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
			String message = (rse.getReason() != null) ? rse.getReason() : status.getReasonPhrase();
			if (status == HttpStatus.NOT_FOUND && rse.getReason() == null) {
				message = "Not Found";
			}
			if (status.is5xxServerError()) {
				logger.error("Request failed [{}]", correlationId, ex);
			}
			return error(status, message, List.of(), correlationId);
		}
		if (ex instanceof AccessDeniedException) {
			return error(HttpStatus.FORBIDDEN, "You are not allowed to perform this action", List.of(), correlationId);
		}
		if (ex instanceof AuthenticationException) {
			return error(HttpStatus.UNAUTHORIZED, "Not authorized", List.of(), correlationId);
		}
		if (ex instanceof DuplicateKeyException) {
			return error(HttpStatus.CONFLICT, "A record with the same unique values already exists", List.of(),
					correlationId);
		}
		if (ex instanceof DataAccessResourceFailureException || findCause(ex, MongoTimeoutException.class) != null
				|| findCause(ex, MongoSocketException.class) != null || findCause(ex, TimeoutException.class) != null) {
			logger.warn("Dependency unavailable [{}]: {}", correlationId, ex.toString());
			return error(HttpStatus.SERVICE_UNAVAILABLE, "A backing store is temporarily unavailable, please retry",
					List.of(), correlationId);
		}
		logger.error("Unexpected error [{}]", correlationId, ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", List.of(), correlationId);
	}

	private static ApiError error(HttpStatus status, String message, List<ApiError.FieldError> errors,
			String correlationId) {
		return new ApiError(false, message, status.value(), status.getReasonPhrase(), errors, correlationId);
	}

	private static String describeInputProblem(ServerWebInputException input) {
		Throwable cause = input.getCause();
		if (cause instanceof DecodingException || findCause(input, JsonProcessingException.class) != null) {
			return describeJsonProblem(input);
		}
		if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
			return "Invalid value for '" + input.getMethodParameter().getParameterName() + "'";
		}
		return (input.getReason() != null) ? input.getReason() : "Invalid request";
	}

	static String describeJsonProblem(Throwable ex) {
		UnrecognizedPropertyException unknown = findCause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return "Unknown field '" + path(unknown) + "'";
		}
		InvalidFormatException format = findCause(ex, InvalidFormatException.class);
		if (format != null) {
			return "Field '" + path(format) + "' has an invalid value: expected " + typeName(format.getTargetType());
		}
		StreamConstraintsException constraints = findCause(ex, StreamConstraintsException.class);
		if (constraints != null) {
			return "JSON too large or too deeply nested: " + constraints.getOriginalMessage();
		}
		MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
		if (mismatch != null) {
			String path = path(mismatch);
			if (path.isEmpty()) {
				return "Request body has the wrong shape: expected a JSON " + typeName(mismatch.getTargetType());
			}
			return "Field '" + path + "' has the wrong type: expected " + typeName(mismatch.getTargetType());
		}
		JsonParseException parse = findCause(ex, JsonParseException.class);
		if (parse != null) {
			return "Malformed JSON: " + parse.getOriginalMessage();
		}
		JsonMappingException mapping = findCause(ex, JsonMappingException.class);
		if (mapping != null) {
			Throwable root = mapping;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String detail = (root instanceof JsonProcessingException jpe) ? jpe.getOriginalMessage()
					: root.getMessage();
			String path = path(mapping);
			return path.isEmpty() ? "Invalid request body: " + detail : "Field '" + path + "' is invalid: " + detail;
		}
		return "Invalid request body";
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getFieldName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String typeName(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type == String.class || type.isEnum()) {
			return type.isEnum() ? "one of the allowed values" : "string";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "array";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type) || type == java.util.Date.class) {
			return "ISO-8601 date";
		}
		return "object";
	}

	@SuppressWarnings("unchecked")
	static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		Throwable current = ex;
		int depth = 0;
		while (current != null && depth++ < 20) {
			if (type.isInstance(current)) {
				return (T) current;
			}
			current = current.getCause();
		}
		return null;
	}

}
