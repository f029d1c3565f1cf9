package com.onsiteatlas.support.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangedFieldsTests {

	record Smtp(String host, String password) {
	}

	record Settings(String id, Smtp smtp, boolean testMode, Map<String, String> extra) {
	}

	@Test
	void namesChangedLeavesByPathWithoutTheirValues() {
		Settings before = new Settings("1", new Smtp("a.example.org", "v1:old"), false, Map.of("k", "1"));
		Settings after = new Settings("2", new Smtp("a.example.org", "v1:new"), true, Map.of("k", "1"));
		List<String> changed = ChangedFields.between(before, after, Set.of("id"));
		assertThat(changed).containsExactly("smtp.password", "testMode");
		assertThat(String.join(",", changed)).doesNotContain("v1:old", "v1:new");
	}

	@Test
	void namesTheFieldsOfASectionAddedOrRemoved() {
		Settings none = new Settings("1", null, false, null);
		Settings some = new Settings("1", new Smtp("a.example.org", "v1:x"), false, Map.of("k", "1"));
		assertThat(ChangedFields.between(none, some, Set.of())).containsExactly("smtp.host", "smtp.password",
				"extra.k");
		assertThat(ChangedFields.between(some, none, Set.of())).containsExactly("smtp.host", "smtp.password",
				"extra.k");
		assertThat(ChangedFields.between(some, some, Set.of())).isEmpty();
	}

}
