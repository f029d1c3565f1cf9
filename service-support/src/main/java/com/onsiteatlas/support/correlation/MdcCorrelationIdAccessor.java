package com.onsiteatlas.support.correlation;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Copies the correlation id from the Reactor context to the logging MDC whenever Reactor
 * restores thread locals (automatic context propagation), so every log line of a request
 * carries it.
 */
public class MdcCorrelationIdAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return CorrelationId.KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(CorrelationId.KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(CorrelationId.KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(CorrelationId.KEY);
	}

}
