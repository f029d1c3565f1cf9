package com.onsiteatlas.support.destination;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.internal.SocketUtils;

/**
 * A Netty resolver for Reactor Netty clients that reach organiser-supplied destinations:
 * the addresses the connection uses are the ones {@link DestinationPolicy} checked, so a
 * name that resolves to an internal address at connect time (DNS rebinding) is refused
 * instead of reached. Address literals never reach a resolver: check those with
 * {@link DestinationPolicy#checkUrlAtConnect} before the request.
 */
public class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final DestinationPolicy policy;

	private final String field;

	/**
	 * A resolver group.
	 * @param policy the policy
	 * @param field the configuration field the destinations come from, for messages
	 */
	public CheckedAddressResolverGroup(DestinationPolicy policy, String field) {
		this.policy = policy;
		this.field = field;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new DefaultNameResolver(executor) {

			@Override
			protected void doResolve(String host, Promise<InetAddress> promise) {
				try {
					InetAddress[] all = SocketUtils.allAddressesByName(host);
					CheckedAddressResolverGroup.this.policy.checkAddresses(CheckedAddressResolverGroup.this.field, host,
							all);
					promise.setSuccess(all[0]);
				}
				catch (Exception ex) {
					promise.setFailure(ex);
				}
			}

			@Override
			protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
				try {
					InetAddress[] all = SocketUtils.allAddressesByName(host);
					CheckedAddressResolverGroup.this.policy.checkAddresses(CheckedAddressResolverGroup.this.field, host,
							all);
					promise.setSuccess(Arrays.asList(all));
				}
				catch (Exception ex) {
					promise.setFailure(ex);
				}
			}

		}.asAddressResolver();
	}

}
