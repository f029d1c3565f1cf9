package com.onsiteatlas.support.crypto;

import reactor.core.publisher.Mono;

/**
 * What a service re-encrypts of one purpose after a key rotation: each service
 * contributes one bean per kind of ciphertext it stores (provider secrets of channel
 * settings, of report schedules; lodging documents; export files), and
 * {@link RekeyController} runs those of the purpose asked for.
 */
public interface Rekeying {

	/**
	 * The purpose whose ciphertexts this re-encrypts.
	 * @return the purpose
	 */
	KeyPurpose purpose();

	/**
	 * Re-encrypts every stored ciphertext of the purpose that is not under the purpose's
	 * current key (read from configuration when called). Resumable: a run can stop
	 * anywhere, everything stays readable, and the next run continues.
	 * @return the counts
	 */
	Mono<RekeyReport> rekey();

}
