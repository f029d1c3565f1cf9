package com.onsiteatlas.notification.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventType;
import com.onsiteatlas.notification.template.TemplateEngine;
import com.onsiteatlas.notification.template.TemplateVariables;

/**
 * What a trigger's conditions can test, per trigger event type: the payload paths the
 * domain event really carries (walked from the JSON Schema shared-events publishes, so a
 * new payload field appears here without a code change) and the flat template variables
 * the model adds. Scheduled and manual triggers test a registration's variables only
 * ({@link TemplateVariables#GENERAL}).
 */
@Component
class TriggerEventTypes {

	private final List<EventTypeFields> all;

	TriggerEventTypes(ObjectMapper json) {
		EventCatalog catalog = EventCatalog.standard();
		List<EventTypeFields> types = new ArrayList<>();
		List<Field> general = new ArrayList<>(variables(TemplateVariables.GENERAL));
		general.add(new Field("customFields", "object", true, null, null,
				"The registration's custom fields: customFields.<name>", "variable"));
		types.add(new EventTypeFields(TemplateVariables.GENERAL,
				"Scheduled and manual sends: the registration's variables", null, general));
		for (String name : TemplateVariables.EVENT_TYPES) {
			EventType type = catalog.types()
				.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.max(Comparator.comparingInt(EventType::version))
				.orElseThrow(() -> new IllegalStateException("No event type " + name + " in the catalog"));
			List<Field> fields = new ArrayList<>();
			walk(schema(json, type), "", fields);
			java.util.Set<String> paths = new java.util.HashSet<>();
			fields.forEach((field) -> paths.add(field.path()));
			// A variable named like a top-level payload field is the same model entry.
			variables(name).stream().filter((variable) -> !paths.contains(variable.path())).forEach(fields::add);
			types.add(new EventTypeFields(name, type.description(), type.version(), fields));
		}
		this.all = List.copyOf(types);
	}

	List<EventTypeFields> all() {
		return this.all;
	}

	/**
	 * Whether a condition on a path can ever hold for a trigger: the path is one the
	 * console offers for the trigger's event type, or lies inside one of its objects
	 * without declared properties (custom fields) or arrays.
	 * @param eventType the trigger's event type, or {@link TemplateVariables#GENERAL}
	 * @param path the condition's dotted path
	 * @return true when the model can have it
	 */
	boolean knows(String eventType, String path) {
		return fields(eventType).stream()
			.anyMatch((field) -> field.path().equals(path) || (path.startsWith(field.path() + ".")
					&& ("object".equals(field.type()) || "array".equals(field.type()))));
	}

	/**
	 * The paths a trigger's conditions can test.
	 * @param eventType the trigger's event type, or {@link TemplateVariables#GENERAL}
	 * @return the dotted paths, in the console's order; empty for an unknown type
	 */
	List<String> paths(String eventType) {
		return fields(eventType).stream().map(Field::path).toList();
	}

	private List<Field> fields(String eventType) {
		return this.all.stream()
			.filter((type) -> type.eventType().equals(eventType))
			.findFirst()
			.map(EventTypeFields::fields)
			.orElse(List.of());
	}

	private static JsonNode schema(ObjectMapper json, EventType type) {
		try (InputStream in = EventCatalog.class.getClassLoader()
			.getResourceAsStream("schemas/" + type.schemaFileName())) {
			if (in == null) {
				throw new IllegalStateException("No schema " + type.schemaFileName() + " on the classpath");
			}
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every leaf of an object schema as a dotted path; objects without declared
	 * properties (custom fields) and arrays are listed as such.
	 */
	private static void walk(JsonNode schema, String prefix, List<Field> fields) {
		JsonNode properties = schema.path("properties");
		Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
		while (entries.hasNext()) {
			Map.Entry<String, JsonNode> entry = entries.next();
			String path = prefix + entry.getKey();
			JsonNode property = entry.getValue();
			String type = type(property);
			if ("object".equals(type) && property.has("properties")) {
				walk(property, path + ".", fields);
				continue;
			}
			List<Object> values = enumValues(property);
			if (values == null && "array".equals(type)) {
				values = enumValues(property.path("items"));
			}
			fields.add(new Field(path, type, nullable(property), values,
					property.hasNonNull("format") ? property.get("format").asText() : null, null, "payload"));
		}
	}

	private static String type(JsonNode property) {
		JsonNode type = property.path("type");
		if (type.isArray()) {
			for (JsonNode candidate : type) {
				if (!"null".equals(candidate.asText())) {
					return candidate.asText();
				}
			}
			return "null";
		}
		return type.isMissingNode() ? "string" : type.asText();
	}

	private static boolean nullable(JsonNode property) {
		JsonNode type = property.path("type");
		if (type.isArray()) {
			for (JsonNode candidate : type) {
				if ("null".equals(candidate.asText())) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<Object> enumValues(JsonNode property) {
		if (!property.has("enum")) {
			return null;
		}
		List<Object> values = new ArrayList<>();
		for (JsonNode value : property.get("enum")) {
			if (!value.isNull()) {
				values.add(value.isNumber() ? value.numberValue() : value.asText());
			}
		}
		return values;
	}

	private static List<Field> variables(String eventType) {
		return TemplateVariables.of(TemplateVariables.GENERAL.equals(eventType) ? null : eventType)
			.stream()
			.filter((variable) -> !variable.name().equals(TemplateEngine.QR_TOKEN))
			.map((variable) -> new Field(variable.name(), "string", false, null, null, variable.description(),
					"variable"))
			.toList();
	}

	/**
	 * An event type and what its conditions can test.
	 *
	 * @param eventType the trigger event type, or {@code general}
	 * @param description what the event means
	 * @param version the payload version the paths come from
	 * @param fields the paths
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventTypeFields(String eventType, String description, Integer version, List<Field> fields) {
	}

	/**
	 * One path a condition can test.
	 *
	 * @param path dotted path, e.g. {@code registration.category.name}
	 * @param type JSON type: string, integer, number, boolean, object, array
	 * @param nullable whether the payload may hold null
	 * @param values the allowed values when the schema lists them
	 * @param format e.g. date-time
	 * @param description what a template variable holds
	 * @param source payload (the domain event's data) or variable (flat template
	 * variable)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Field(String path, String type, boolean nullable, List<Object> values, String format, String description,
			String source) {
	}

}
