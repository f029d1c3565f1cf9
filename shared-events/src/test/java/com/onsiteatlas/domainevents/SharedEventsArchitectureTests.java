package com.onsiteatlas.domainevents;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The contract module is shared by every service, so it must not drag a framework into
 * them.
 */
@AnalyzeClasses(packages = "com.onsiteatlas.domainevents", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTests {

	@ArchTest
	static final ArchRule noClassDependsOnSpring = noClasses().that()
		.resideInAPackage("com.onsiteatlas.domainevents..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..");

	@ArchTest
	static final ArchRule everyPayloadIsARecordInTheCatalog = classes().that()
		.implement(DomainEventPayload.class)
		.should(new ArchCondition<JavaClass>("be a record registered in EventCatalog") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				Class<?> type = item.reflect();
				boolean registered = EventCatalog.standard()
					.types()
					.stream()
					.anyMatch((eventType) -> eventType.payloadType() == type);
				if (!type.isRecord() || !registered) {
					events.add(SimpleConditionEvent.violated(item,
							item.getName() + " is not a record registered in EventCatalog"));
				}
			}
		});

}
