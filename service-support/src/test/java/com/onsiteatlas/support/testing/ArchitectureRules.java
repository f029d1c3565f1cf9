package com.onsiteatlas.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsOperations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.messaging.DomainEventListener;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.security.OrganisersOnly;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every service follows: package by feature, no catch-all packages, no
 * cycles between features, controllers only used by the web layer, no Lombok,
 * {@link DomainEventListener} methods named {@code on<Payload>} in
 * {@code <Feature>Listeners} classes, roles named by the role annotations of
 * {@code support.security} (such as {@link OrganisersOnly}) instead of
 * {@code @PreAuthorize} strings, business time only from the injected {@link Clock}
 * ({@link #checkClock}), controllers that do not touch the store
 * ({@link #checkControllersLeaveTheStoreToServices}).
 * {@link #checkClassSizes(String, int)} and {@link #checkPersistenceInRepositories} are
 * further rules a service opts into: no main class longer than a limit unless it says
 * why; queries, updates and the template only in repositories.
 */
public final class ArchitectureRules {

	/** The sentence in a class's Javadoc that lets it exceed the limit. */
	private static final Pattern REASON = Pattern.compile("longer than \\d+ lines because", Pattern.CASE_INSENSITIVE);

	/**
	 * The package whose role annotations carry the only {@code @PreAuthorize}
	 * expressions.
	 */
	private static final String ROLE_ANNOTATIONS = OrganisersOnly.class.getPackageName();

	private static final Pattern TYPE = Pattern.compile(
			"^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)\\s+)*(?:class|record|enum|interface|@interface)\\s",
			Pattern.MULTILINE);

	private ArchitectureRules() {
	}

	public static void check(String basePackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
		noClasses().should()
			.resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..impl..")
			.because("features own their code; there are no catch-all packages")
			.allowEmptyShould(true)
			.check(classes);
		slices().matching(basePackage + ".(*)..")
			.should()
			.beFreeOfCycles()
			.because("features talk through public services, never in circles")
			.allowEmptyShould(true)
			.check(classes);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("lombok..")
			.because("records replace Lombok")
			.allowEmptyShould(true)
			.check(classes);
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.onlyHaveDependentClassesThat()
			.haveNameMatching(".*Controller.*")
			.because("controllers are entry points, not collaborators")
			.allowEmptyShould(true)
			.check(classes);
		methods().that()
			.areAnnotatedWith(DomainEventListener.class)
			.should(beNamedOnTheirPayloadType())
			.andShould()
			.beDeclaredInClassesThat()
			.haveSimpleNameEndingWith("Listeners")
			.because("reactions to domain events are named the same way in every feature: on<Payload> methods of a"
					+ " <Feature>Listeners class")
			.allowEmptyShould(true)
			.check(classes);
		checkRoleAnnotations(classes);
		checkClock(classes);
		checkControllersLeaveTheStoreToServices(classes);
		noClasses().that()
			.resideInAPackage("com.onsiteatlas.support..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(basePackage + "..")
			.allowEmptyShould(true)
			.check(classes);
	}

	/**
	 * Fails for a {@code @PreAuthorize} expression written on a class or method outside
	 * {@code support.security}: a route names who may call with one of the role
	 * annotations there ({@code @OrganisersOnly}, {@code @StaffOnly},
	 * {@code @StaffOrRegistrant}, {@code @RegistrantOnly}), so the four role sets are
	 * spelled once.
	 * @param classes the classes to check
	 */
	public static void checkRoleAnnotations(JavaClasses classes) {
		String because = "who may call is one of the role annotations of " + ROLE_ANNOTATIONS
				+ " (@OrganisersOnly, @StaffOnly, @StaffOrRegistrant, @RegistrantOnly), not a @PreAuthorize string";
		noClasses().that()
			.resideOutsideOfPackage(ROLE_ANNOTATIONS)
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.because(because)
			.allowEmptyShould(true)
			.check(classes);
		noMethods().that()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage(ROLE_ANNOTATIONS)
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.because(because)
			.allowEmptyShould(true)
			.check(classes);
	}

	/**
	 * Fails for a class that reads the wall clock itself ({@code Instant.now()} and its
	 * relatives, {@code new Date()}, {@code System.currentTimeMillis()}, a system
	 * {@code Clock}) instead of taking the {@link Clock} bean, so that a test can set the
	 * time of day. Only a class named {@code ClockConfiguration}, the one that declares
	 * the bean, may.
	 * @param classes the classes to check
	 */
	public static void checkClock(JavaClasses classes) {
		noClasses().that()
			.doNotHaveSimpleName("ClockConfiguration")
			.should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(LocalTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(OffsetDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(Clock.class, "systemDefaultZone")
			.orShould()
			.callConstructor(Date.class)
			.because("time comes from the Clock bean of a ClockConfiguration, so a test can set the time of day")
			.allowEmptyShould(true)
			.check(classes);
	}

	/**
	 * Fails for a controller that reads or writes the store itself: a controller
	 * translates HTTP and calls a service, which owns the queries.
	 * @param classes the classes to check
	 */
	public static void checkControllersLeaveTheStoreToServices(JavaClasses classes) {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..", "org.bson..")
			.because("controllers only translate HTTP; queries and writes live in the feature's services")
			.allowEmptyShould(true)
			.check(classes);
	}

	/**
	 * Fails for a class outside the repositories that builds queries or updates or uses
	 * the template: services call their feature's repository (a Spring Data interface,
	 * its {@code Custom} fragment and {@code Impl}, or a plain {@code @Repository}), so
	 * criteria never cross features. A further rule a service opts into.
	 * @param basePackage the service's base package
	 */
	public static void checkPersistenceInRepositories(String basePackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
		noClasses().that()
			.haveSimpleNameNotContaining("Repository")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.data.mongodb.core.query..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(ReactiveMongoOperations.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(ReactiveGridFsOperations.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(FindAndModifyOptions.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(MongoPaging.class)
			.because("services call their feature's repository; criteria, updates and the template stay in the"
					+ " *Repository* classes (Spring Data interfaces, their Custom fragments and Impl classes)")
			.check(classes);
	}

	private static ArchCondition<JavaMethod> beNamedOnTheirPayloadType() {
		return new ArchCondition<>("be named on<payload type>") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				List<JavaType> parameters = method.getParameterTypes();
				if (parameters.size() != 1) {
					return;
				}
				JavaType parameter = parameters.get(0);
				if (parameter instanceof JavaParameterizedType generic && !generic.getActualTypeArguments().isEmpty()) {
					parameter = generic.getActualTypeArguments().get(0);
				}
				String expected = "on" + parameter.toErasure().getSimpleName();
				if (!method.getName().equals(expected)) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " should be named " + expected));
				}
			}

		};
	}

	/**
	 * Fails for every main source file of a package (the module's {@code src/main/java},
	 * so run from the module directory, as Surefire does) longer than {@code maxLines}
	 * lines unless the Javadoc of its class says why, in a sentence starting "Longer than
	 * N lines because".
	 * @param basePackage the service's base package
	 * @param maxLines the longest file allowed without a reason
	 */
	public static void checkClassSizes(String basePackage, int maxLines) {
		checkClassSizes(Path.of("src", "main", "java"), basePackage, maxLines);
	}

	/**
	 * Fails for every source file of a package under a source root longer than
	 * {@code maxLines} lines unless the Javadoc of its class says why.
	 * @param sourceRoot the source root
	 * @param basePackage the package to check, with its subpackages
	 * @param maxLines the longest file allowed without a reason
	 */
	public static void checkClassSizes(Path sourceRoot, String basePackage, int maxLines) {
		Path base = sourceRoot.resolve(basePackage.replace('.', '/'));
		if (!Files.isDirectory(base)) {
			throw new AssertionError("No sources to check at " + base.toAbsolutePath());
		}
		try (Stream<Path> files = Files.walk(base)) {
			List<String> tooLong = files.filter((file) -> file.toString().endsWith(".java"))
				.sorted()
				.map((file) -> tooLong(base, file, maxLines))
				.filter((message) -> message != null)
				.toList();
			if (!tooLong.isEmpty()) {
				throw new AssertionError("A class does one job: these main classes are longer than " + maxLines
						+ " lines and their Javadoc does not say why (\"Longer than " + maxLines
						+ " lines because ...\"):\n  " + String.join("\n  ", tooLong));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String tooLong(Path base, Path file, int maxLines) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.size() <= maxLines || explained(String.join("\n", lines))) {
				return null;
			}
			return base.relativize(file) + " (" + lines.size() + " lines)";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the Javadoc right before the first type declaration gives a reason.
	 */
	private static boolean explained(String source) {
		Matcher type = TYPE.matcher(source);
		if (!type.find()) {
			return false;
		}
		int start = source.lastIndexOf("/**", type.start());
		int end = (start < 0) ? -1 : source.indexOf("*/", start);
		if (start < 0 || end < 0 || end > type.start()) {
			return false;
		}
		String text = source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ");
		return REASON.matcher(text).find();
	}

}
