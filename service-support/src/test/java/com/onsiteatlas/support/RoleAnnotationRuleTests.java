package com.onsiteatlas.support;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.prepost.PreAuthorize;

import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.testing.ArchitectureRules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleAnnotationRuleTests {

	@Test
	void acceptsTheRoleAnnotationsThemselvesAndCodeThatUsesThem() {
		assertThatCode(() -> ArchitectureRules
			.checkRoleAnnotations(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.onsiteatlas.support")))
			.doesNotThrowAnyException();
	}

	@Test
	void rejectsAPreAuthorizeStringOnAControllerMethod() {
		// The test app's WidgetController still spells its role set as a string.
		assertThatThrownBy(() -> ArchitectureRules
			.checkRoleAnnotations(new ClassFileImporter().importPackages("com.onsiteatlas.support.testapp")))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("WidgetController.create")
			.hasMessageContaining("not a @PreAuthorize string")
			.hasMessageNotContaining("RoleCheckController");
	}

	@Test
	void rejectsAPreAuthorizeStringOnAClass() {
		assertThatThrownBy(() -> ArchitectureRules
			.checkRoleAnnotations(new ClassFileImporter().importClasses(StringOnClass.class, AnnotatedRoles.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("StringOnClass")
			.hasMessageNotContaining("AnnotatedRoles");
	}

	@Test
	void acceptsRoleAnnotationsOnAClassAndItsMethods() {
		assertThatCode(() -> ArchitectureRules
			.checkRoleAnnotations(new ClassFileImporter().importClasses(AnnotatedRoles.class)))
			.doesNotThrowAnyException();
	}

	@PreAuthorize("hasRole('admin')")
	static class StringOnClass {

	}

	@StaffOnly
	static class AnnotatedRoles {

		@OrganisersOnly
		void write() {
		}

	}

}
