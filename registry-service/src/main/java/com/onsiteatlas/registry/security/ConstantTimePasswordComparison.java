package com.onsiteatlas.registry.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import com.onsiteatlas.identity.secrets.SecretComparison;

/**
 * Compares a presented password with the configured one in constant time, without
 * hashing: the registry's password is a shared secret from the environment.
 */
class ConstantTimePasswordComparison implements PasswordEncoder {

	@Override
	public String encode(CharSequence rawPassword) {
		return rawPassword.toString();
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return SecretComparison.matches(rawPassword, encodedPassword);
	}

}
