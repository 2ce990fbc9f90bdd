/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.sample;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Demo traffic: once the application is ready, sends {@value #CALLS} calls to its own
 * chat API, across models, features, teams and users, some of them streamed and some
 * repeated (so that the simulator reports cached tokens), so that
 * {@code /actuator/metrics/llm.cost} shows data at once. On by default in simulator mode;
 * set {@code sample.demo-traffic.enabled} to choose.
 *
 * @author llm-cost contributors
 */
@Component
@ConditionalOnBooleanProperty(SampleModeEnvironmentPostProcessor.DEMO_TRAFFIC_ENABLED)
class DemoTraffic implements ApplicationListener<ApplicationReadyEvent> {

	/**
	 * Number of calls sent.
	 */
	static final int CALLS = 36;

	/**
	 * Features the calls are attributed to.
	 */
	static final List<String> FEATURES = List.of("summarize", "support-chat", "search");

	private static final Map<String, String> TEAMS = Map.of("summarize", "content", "support-chat", "support", "search",
			"platform");

	private static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-3.5-turbo", "o4-mini");

	private static final List<String> USERS = List.of("alice", "bob", "carol", "dave");

	private static final List<String> MESSAGES = List.of("Summarize the release notes of Spring Boot 4.",
			"How do I reset my password?", "Find the documents about prompt caching.",
			"What does a Micrometer counter measure?", "Explain the difference between input and output tokens.");

	private static final int STREAM_EVERY = 6;

	private static final Log logger = LogFactory.getLog(DemoTraffic.class);

	private final RestClient.Builder restClientBuilder;

	private final TaskExecutor taskExecutor;

	private final MeterRegistry meterRegistry;

	DemoTraffic(RestClient.Builder restClientBuilder, TaskExecutor taskExecutor, MeterRegistry meterRegistry) {
		this.restClientBuilder = restClientBuilder;
		this.taskExecutor = taskExecutor;
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext context) {
			// the web server has started before the application is ready
			int port = Objects.requireNonNull(context.getWebServer()).getPort();
			RestClient client = this.restClientBuilder.baseUrl("http://localhost:" + port).build();
			this.taskExecutor.execute(() -> send(client, port));
		}
	}

	private void send(RestClient client, int port) {
		long start = System.nanoTime();
		for (int i = 0; i < CALLS; i++) {
			String feature = FEATURES.get(i % FEATURES.size());
			Map<String, String> request = Map.of("message", MESSAGES.get(i % MESSAGES.size()), "feature", feature,
					"user", USERS.get((i / FEATURES.size()) % USERS.size()), "model", MODELS.get(i % MODELS.size()));
			try {
				client.post()
					.uri((i % STREAM_EVERY == STREAM_EVERY - 1) ? "/chat/stream" : "/chat")
					.header(LlmCostSampleApplication.TEAM_HEADER, Objects.requireNonNull(TEAMS.get(feature)))
					.contentType(MediaType.APPLICATION_JSON)
					.body(request)
					.retrieve()
					.toBodilessEntity();
			}
			catch (RestClientException ex) {
				logger.warn("Demo traffic stopped after %d of %d calls: %s".formatted(i, CALLS, ex.getMessage()));
				return;
			}
		}
		double total = this.meterRegistry.find("llm.cost").counters().stream().mapToDouble(Counter::count).sum();
		logger.info("Demo traffic: sent %d calls (%d streamed) across %d models, %d features and %d users in %d ms;"
			.formatted(CALLS, CALLS / STREAM_EVERY, MODELS.size(), FEATURES.size(), USERS.size(),
					(System.nanoTime() - start) / 1_000_000)
				+ " llm.cost now totals %.6f: see http://localhost:%d/actuator/metrics/llm.cost".formatted(total,
						port));
	}

}
