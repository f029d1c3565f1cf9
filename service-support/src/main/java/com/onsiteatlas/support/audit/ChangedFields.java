package com.onsiteatlas.support.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The paths of the fields that differ between two versions of a document, for an audit
 * entry that must say what changed without saying to what (a changed secret shows as its
 * path only).
 */
public final class ChangedFields {

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private ChangedFields() {
	}

	/**
	 * The changed paths, e.g. {@code email.smtp.password}.
	 * @param before the stored version, may be null
	 * @param after the new version
	 * @param ignored top-level fields not to report (timestamps, ids)
	 * @return the paths, in document order
	 */
	public static List<String> between(Object before, Object after, Set<String> ignored) {
		JsonNode left = (before != null) ? JSON.valueToTree(before) : MissingNode.getInstance();
		JsonNode right = (after != null) ? JSON.valueToTree(after) : MissingNode.getInstance();
		List<String> paths = new ArrayList<>();
		diff("", left, right, paths);
		return paths.stream().filter((path) -> !ignored.contains(path.split("\\.")[0])).toList();
	}

	private static void diff(String path, JsonNode left, JsonNode right, List<String> paths) {
		// A section added or removed reports its fields, not the section.
		boolean objects = (left.isObject() || nullish(left) == null) && (right.isObject() || nullish(right) == null);
		if (objects && (left.isObject() || right.isObject())) {
			Set<String> names = new LinkedHashSet<>();
			left.fieldNames().forEachRemaining(names::add);
			right.fieldNames().forEachRemaining(names::add);
			for (Iterator<String> it = names.iterator(); it.hasNext();) {
				String name = it.next();
				diff(path.isEmpty() ? name : path + "." + name, node(left.get(name)), node(right.get(name)), paths);
			}
		}
		else if (!Objects.equals(nullish(left), nullish(right))) {
			paths.add(path.isEmpty() ? "(document)" : path);
		}
	}

	private static JsonNode node(JsonNode node) {
		return (node != null) ? node : MissingNode.getInstance();
	}

	private static JsonNode nullish(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node;
	}

}
