package com.onsiteatlas.notification;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testing.ServiceConventionsContract;

class NotificationApplicationTests extends NotificationIntegrationTest implements ServiceConventionsContract {

	@Override
	public WebTestClient serviceClient() {
		return this.client;
	}

	@Override
	public String staffListPath() {
		return "/api/events/65f0a0000000000000000001/notification-templates";
	}

}
