package com.onsiteatlas.notification.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsubscribe links are signed under their own key, and links already sent (signed with
 * {@code ATLAS_ENCRYPTION_KEY} itself before keyrings, or under a rotated-out key) keep
 * working while that key is in the ring.
 */
class SecretBoxTests {

	private static final String DEV_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

	private static final String L2 = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String SUBJECT = "65f0a00000000000000000a1|email|ada@example.org";

	@Test
	void signsLinksUnderTheirOwnKeyAndStillAcceptsLinksSignedBeforeKeyrings() throws Exception {
		SecretBox box = box(Keyring.of(KeyPurpose.UNSUBSCRIBE_LINKS, DEV_KEY, null, null));
		String before = signedAsBefore(SUBJECT);
		assertThat(box.sign(SUBJECT)).isNotEqualTo(before);
		assertThat(box.verify(SUBJECT, box.sign(SUBJECT))).isTrue();
		assertThat(box.verify(SUBJECT, before)).isTrue();
		assertThat(box.verify(SUBJECT + "x", before)).isFalse();
	}

	@Test
	void aRotatedLinkKeyStillVerifiesOldLinksUntilItIsRemoved() {
		SecretBox old = box(Keyring.of(KeyPurpose.UNSUBSCRIBE_LINKS, DEV_KEY, null, null));
		SecretBox rotated = box(Keyring.of(KeyPurpose.UNSUBSCRIBE_LINKS, DEV_KEY, "l2", Map.of("l2", L2)));
		SecretBox removed = box(Keyring.of(KeyPurpose.UNSUBSCRIBE_LINKS, null, "l2", Map.of("l2", L2)));
		String oldLink = old.sign(SUBJECT);
		assertThat(rotated.sign(SUBJECT)).isNotEqualTo(oldLink);
		assertThat(rotated.verify(SUBJECT, oldLink)).isTrue();
		assertThat(removed.verify(SUBJECT, oldLink)).isFalse();
		assertThat(removed.verify(SUBJECT, rotated.sign(SUBJECT))).isTrue();
	}

	@Test
	void providerSecretsAndLinksUseDifferentKeys() {
		Keyring secrets = Keyring.of(KeyPurpose.PROVIDER_SECRETS, DEV_KEY, null, null);
		Keyring links = Keyring.of(KeyPurpose.UNSUBSCRIBE_LINKS, DEV_KEY, null, null);
		assertThat(secrets.key("env").getEncoded()).isNotEqualTo(links.key("env").getEncoded());
		SecretBox box = new SecretBox(secrets, links);
		assertThat(box.decrypt(box.encrypt("smtp-pass"))).isEqualTo("smtp-pass");
	}

	private static SecretBox box(Keyring links) {
		return new SecretBox(Keyring.of(KeyPurpose.PROVIDER_SECRETS, DEV_KEY, null, null), links);
	}

	/**
	 * The signature main before keyrings (d524142) put in links: HMAC under the raw key.
	 */
	private static String signedAsBefore(String subject) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(DEV_KEY), "HmacSHA256"));
		mac.update("unsubscribe:".getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
	}

}
