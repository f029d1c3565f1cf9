package com.onsiteatlas.support.crypto;

import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.web.ApiException;

/**
 * The {@link Rekeying} beans of this service by purpose: a rekey of a purpose runs each
 * of its beans in turn and adds up their counts.
 */
public final class Rekeyings {

	private final String service;

	private final List<Rekeying> all;

	/**
	 * The rekeyings of a service.
	 * @param service the service's name, for messages
	 * @param all its rekeying beans
	 */
	public Rekeyings(String service, List<Rekeying> all) {
		this.service = service;
		this.all = List.copyOf(all);
	}

	/**
	 * Re-encrypts what this service holds of a purpose.
	 * @param purpose the purpose's label
	 * @return the summed counts; a 400 for an unknown purpose or one this service does
	 * not hold
	 */
	public Mono<RekeyReport> rekey(String purpose) {
		KeyPurpose parsed;
		try {
			parsed = KeyPurpose.of(purpose);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(ApiException.badRequest(ex.getMessage()));
		}
		List<Rekeying> held = this.all.stream().filter((rekeying) -> rekeying.purpose() == parsed).toList();
		if (held.isEmpty()) {
			return Mono.error(ApiException.badRequest(this.service + " holds no " + purpose + "; it holds "
					+ this.all.stream()
						.map((rekeying) -> rekeying.purpose().label())
						.distinct()
						.sorted()
						.collect(Collectors.joining(", "))));
		}
		return Flux.fromIterable(held).concatMap(Rekeying::rekey).reduce(RekeyReport::plus);
	}

}
