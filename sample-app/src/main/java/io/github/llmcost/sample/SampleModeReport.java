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

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says, once the application is ready, which mode it runs in and which URLs to open.
 *
 * @author llm-cost contributors
 */
@Component
class SampleModeReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(SampleModeReport.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext context)
				? Objects.requireNonNull(context.getWebServer()).getPort()
				: environment.getProperty("server.port", Integer.class, 8080);
		String url = "http://localhost:" + port;
		String open = """
				Open:
				  %1$s/actuator/metrics/llm.cost
				  %1$s/actuator/llmcost
				  %1$s/actuator/prometheus
				or chat:
				  curl -s -X POST %1$s/chat -H 'Content-Type: application/json' \
				-d '{"message":"What does llm-cost do?","feature":"demo","user":"alice"}'""".formatted(url);
		if (environment.getProperty(SampleModeEnvironmentPostProcessor.SIMULATOR_ENABLED, Boolean.class, false)) {
			logger.warn(("SIMULATOR mode (no OPENAI_API_KEY, or sample.simulator.enabled=true): Spring AI's OpenAI"
					+ " client calls the OpenAI simulator of this sample at %s, not OpenAI. Replies and token counts"
					+ " are simulated; nothing is spent. Set OPENAI_API_KEY to call OpenAI.%n%s")
				.formatted(environment.getProperty("spring.ai.openai.base-url"), open));
		}
		else {
			logger.info("OPENAI mode: Spring AI's OpenAI client calls %s with your key; calls are billed.%n%s"
				.formatted(environment.getProperty("spring.ai.openai.base-url", "https://api.openai.com/v1"), open));
		}
	}

}
