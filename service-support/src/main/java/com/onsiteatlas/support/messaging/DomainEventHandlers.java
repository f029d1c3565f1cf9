package com.onsiteatlas.support.messaging;

import java.util.List;

/**
 * A group of handlers contributed as one bean, for components that handle several event
 * types.
 *
 * @param handlers the handlers
 */
public record DomainEventHandlers(List<DomainEventHandler<?>> handlers) {

}
