package com.onsiteatlas.support.crypto;

/**
 * What a re-encryption of one purpose did, as the rekey command prints it.
 *
 * @param purpose the purpose's label
 * @param examined ciphertexts found
 * @param rekeyed ciphertexts re-encrypted under the current key by this run
 * @param alreadyCurrent ciphertexts already under the current key (left alone)
 * @param failed ciphertexts that did not decrypt (left alone; a key is missing or the
 * value is damaged) or changed while this run re-encrypted them
 * @param currentKeyId the id of the key everything is now under
 */
public record RekeyReport(String purpose, long examined, long rekeyed, long alreadyCurrent, long failed,
		String currentKeyId) {

	/**
	 * The report of nothing examined yet.
	 * @param purpose the purpose
	 * @param currentKeyId the current key's id
	 * @return an empty report
	 */
	public static RekeyReport empty(KeyPurpose purpose, String currentKeyId) {
		return new RekeyReport(purpose.label(), 0, 0, 0, 0, currentKeyId);
	}

	/**
	 * The report of one ciphertext re-encrypted by this run, of this report's purpose and
	 * key.
	 * @return the report of one
	 */
	public RekeyReport oneRekeyed() {
		return new RekeyReport(this.purpose, 1, 1, 0, 0, this.currentKeyId);
	}

	/**
	 * The report of one ciphertext already under the current key, of this report's
	 * purpose and key.
	 * @return the report of one
	 */
	public RekeyReport oneAlreadyCurrent() {
		return new RekeyReport(this.purpose, 1, 0, 1, 0, this.currentKeyId);
	}

	/**
	 * The report of one ciphertext left alone because it did not re-encrypt, of this
	 * report's purpose and key.
	 * @return the report of one
	 */
	public RekeyReport oneFailed() {
		return new RekeyReport(this.purpose, 1, 0, 0, 1, this.currentKeyId);
	}

	/**
	 * The sum of two reports of the same purpose.
	 * @param other another report
	 * @return the sum
	 */
	public RekeyReport plus(RekeyReport other) {
		return new RekeyReport(this.purpose, this.examined + other.examined, this.rekeyed + other.rekeyed,
				this.alreadyCurrent + other.alreadyCurrent, this.failed + other.failed, this.currentKeyId);
	}

}
