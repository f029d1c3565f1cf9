package com.onsiteatlas.reporting.builder;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiException;

/**
 * ReportBuilder request bodies that other features keep as sent (a builder favourite, a
 * scheduled built report): checked exactly as the preview checks them, and turned into a
 * report when they are used, so that a relative date range ("week") means the week before
 * that use.
 */
@Component
public class BuilderRequests {

	/** Deeper than any builder request; MongoDB refuses documents nested past 100. */
	private static final int MAX_DEPTH = 20;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ReportValidation validation;

	private final ObjectMapper json;

	private final Clock clock;

	BuilderRequests(ReportValidation validation, ObjectMapper json, Clock clock) {
		this.validation = validation;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The report of a builder request body, checked the way the preview checks it; 400
	 * with the preview's message otherwise. Relative date ranges are resolved now.
	 * @param body the request body
	 * @return the checked definition
	 */
	public ReportDefinition definition(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("definition must be a report builder request: {reportType, ...}");
		}
		PreviewRequest request;
		try {
			request = this.json.treeToValue(body, PreviewRequest.class);
		}
		catch (JsonProcessingException ex) {
			throw ApiException.badRequest("definition is not a report builder request: " + ex.getOriginalMessage());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("definition is not a report builder request: " + ex.getMessage());
		}
		ReportDefinition definition = request.definition(this.clock);
		this.validation.validate(definition);
		return definition;
	}

	/**
	 * The report of a body kept by {@link #storable(JsonNode)}, checked again now.
	 * @param saved the kept body
	 * @return the checked definition
	 */
	public ReportDefinition definition(Map<String, Object> saved) {
		JsonNode body = this.json.valueToTree(saved);
		return definition(body);
	}

	/**
	 * A builder request body as it is kept: checked like the preview checks it, and such
	 * that MongoDB stores it as it is (no key with a dot or a leading {@code $}, bounded
	 * nesting); 400 otherwise.
	 * @param body the request body
	 * @return the body, unchanged, as a map
	 */
	public Map<String, Object> storable(JsonNode body) {
		definition(body);
		requireStorable(body, 0);
		return this.json.convertValue(body, MAP);
	}

	private static void requireStorable(JsonNode node, int depth) {
		if (depth > MAX_DEPTH) {
			throw ApiException.badRequest("definition is nested too deeply");
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getKey().contains(".") || field.getKey().startsWith("$")) {
					throw ApiException.badRequest(
							"definition: '" + field.getKey() + "' is not a report builder key (no '.' or leading '$')");
				}
				requireStorable(field.getValue(), depth + 1);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				requireStorable(element, depth + 1);
			}
		}
	}

}
