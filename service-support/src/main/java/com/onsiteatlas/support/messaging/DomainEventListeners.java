package com.onsiteatlas.support.messaging;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * Finds the {@link DomainEventListener} methods of a service's beans and turns each into
 * a {@link DomainEventHandler}, checking every signature first: a method that does not
 * take one payload record (or an {@code EventEnvelope} of one) and return
 * {@code Mono<Void>} fails the startup with a message naming it.
 */
public final class DomainEventListeners {

	private DomainEventListeners() {
	}

	/**
	 * The handlers of every listener method of the bean factory's singletons, beans in
	 * registration order (then {@code @Order}), methods of one bean by payload type name.
	 * @param beanFactory the service's bean factory; beans with listener methods are
	 * created
	 * @return the handlers
	 * @throws IllegalStateException naming the method whose signature is wrong, or the
	 * two methods that would share a handler name
	 */
	public static List<DomainEventHandler<?>> find(ConfigurableListableBeanFactory beanFactory) {
		List<Object> beans = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(name)) {
				continue;
			}
			Class<?> type = typeOf(beanFactory, name);
			if (type != null && !listenerMethods(ClassUtils.getUserClass(type)).isEmpty()) {
				beans.add(beanFactory.getBean(name));
			}
		}
		AnnotationAwareOrderComparator.sort(beans);
		List<DomainEventHandler<?>> handlers = new ArrayList<>();
		Map<String, Method> names = new LinkedHashMap<>();
		for (Object bean : beans) {
			for (DomainEventHandler<?> handler : of(bean)) {
				Method method = ((MethodHandler<?>) handler).method;
				Method other = names.putIfAbsent(handler.handlerName(), method);
				if (other != null) {
					throw new IllegalStateException("@DomainEventListener methods " + describe(other) + " and "
							+ describe(method) + " share the handler name " + handler.handlerName()
							+ ": give one of them another name");
				}
				handlers.add(handler);
			}
		}
		return handlers;
	}

	private static Class<?> typeOf(ConfigurableListableBeanFactory beanFactory, String name) {
		try {
			// Without initialising factory beans: this runs while the singletons are
			// created.
			return beanFactory.getType(name, false);
		}
		catch (RuntimeException ex) {
			// A bean whose type cannot be told without creating it has no listener
			// methods (Spring's own @EventListener processor skips it the same way).
			return null;
		}
	}

	/**
	 * The handlers of one bean's listener methods, ordered by payload type name.
	 * @param bean the bean
	 * @return its handlers, empty when it has no listener method
	 * @throws IllegalStateException naming the method whose signature is wrong
	 */
	public static List<DomainEventHandler<?>> of(Object bean) {
		Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		List<MethodHandler<?>> handlers = new ArrayList<>();
		Map<Class<?>, Method> byPayload = new LinkedHashMap<>();
		for (Map.Entry<Method, DomainEventListener> entry : listenerMethods(type).entrySet()) {
			Method method = entry.getKey();
			MethodHandler<?> handler = handler(bean, type, method, entry.getValue());
			Method other = byPayload.putIfAbsent(handler.payloadType(), method);
			if (other != null) {
				throw new IllegalStateException("@DomainEventListener methods " + describe(other) + " and "
						+ describe(method) + " both handle " + handler.payloadType().getSimpleName()
						+ ": one class has one method per payload type");
			}
			handlers.add(handler);
		}
		handlers.sort(Comparator.comparing((MethodHandler<?> handler) -> handler.payloadType().getName()));
		return List.copyOf(handlers);
	}

	private static Map<Method, DomainEventListener> listenerMethods(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, DomainEventListener.class)) {
			return Map.of();
		}
		return MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<DomainEventListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, DomainEventListener.class));
	}

	private static MethodHandler<?> handler(Object bean, Class<?> beanType, Method method,
			DomainEventListener listener) {
		if (method.getParameterCount() != 1 || !returnsMonoOfVoid(method)) {
			throw badSignature(method);
		}
		ResolvableType parameter = ResolvableType.forMethodParameter(method, 0);
		boolean envelope = EventEnvelope.class.equals(parameter.resolve());
		Class<?> payload = envelope ? parameter.getGeneric(0).resolve() : parameter.resolve();
		if (payload == null || !DomainEventPayload.class.isAssignableFrom(payload) || !isRegistered(payload)) {
			throw badSignature(method);
		}
		String name = listener.name().isEmpty() ? beanType.getSimpleName() : listener.name();
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new MethodHandler<>(payload.asSubclass(DomainEventPayload.class), name, listener.deduplicate(), bean,
				method, invocable, envelope);
	}

	private static boolean returnsMonoOfVoid(Method method) {
		ResolvableType returned = ResolvableType.forMethodReturnType(method);
		return Mono.class.equals(returned.resolve()) && Void.class.equals(returned.getGeneric(0).resolve());
	}

	private static boolean isRegistered(Class<?> payload) {
		try {
			EventCatalog.standard().forPayload(payload);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static IllegalStateException badSignature(Method method) {
		return new IllegalStateException("@DomainEventListener method " + describe(method)
				+ " must take one domain event payload of shared-events (or an EventEnvelope of one) and return Mono<Void>");
	}

	private static String describe(Method method) {
		StringBuilder text = new StringBuilder(method.getDeclaringClass().getName()).append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			text.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return text.append(')').toString();
	}

	/**
	 * A listener method as a handler.
	 *
	 * @param <T> the payload type
	 */
	private static final class MethodHandler<T extends DomainEventPayload> implements DomainEventHandler<T> {

		private final Class<T> type;

		private final String name;

		private final boolean deduplicate;

		private final Object bean;

		private final Method method;

		private final Method invocable;

		private final boolean envelope;

		MethodHandler(Class<T> type, String name, boolean deduplicate, Object bean, Method method, Method invocable,
				boolean envelope) {
			this.type = type;
			this.name = name;
			this.deduplicate = deduplicate;
			this.bean = bean;
			this.method = method;
			this.invocable = invocable;
			this.envelope = envelope;
		}

		@Override
		public Class<T> payloadType() {
			return this.type;
		}

		@Override
		@SuppressWarnings("unchecked")
		public Mono<Void> on(EventEnvelope<T> event) {
			try {
				return (Mono<Void>) this.invocable.invoke(this.bean, this.envelope ? event : event.data());
			}
			catch (InvocationTargetException ex) {
				// Thrown as the lambda handlers did, so the consumer's retries and dead
				// letters see the handler's own exception.
				ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
				return Mono.empty();
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot call " + describe(this.method), ex);
			}
		}

		@Override
		public String handlerName() {
			return this.name + "/" + this.type.getSimpleName();
		}

		@Override
		public boolean deduplicate() {
			return this.deduplicate;
		}

		@Override
		public String toString() {
			return describe(this.method);
		}

	}

}
