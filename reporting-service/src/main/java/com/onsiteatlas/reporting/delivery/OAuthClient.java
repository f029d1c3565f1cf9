package com.onsiteatlas.reporting.delivery;

/**
 * What an upload needs to get access tokens of one Google or Dropbox account: the
 * schedule's refresh token and stored access token, and the OAuth client (the schedule's
 * own, or the operator's).
 *
 * @param provider google-drive or dropbox
 * @param tokenUrl the token endpoint (operator configuration, never the schedule's)
 * @param clientId OAuth client id (Dropbox: app key), may be null
 * @param clientSecret its secret (Dropbox: app secret), may be null for a public client
 * @param refreshToken the stored refresh token, may be null
 * @param accessToken the stored access token, may be null
 */
record OAuthClient(String provider, String tokenUrl, String clientId, String clientSecret, String refreshToken,
		String accessToken) {

	/**
	 * Whether new access tokens can be had: a refresh token and a client to present it.
	 * @return true when the refresh grant can be used
	 */
	boolean canRefresh() {
		return present(this.refreshToken) && present(this.clientId);
	}

	@Override
	public String toString() {
		return "OAuthClient[" + this.provider + ", " + this.tokenUrl + ", " + this.clientId + "]";
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
