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

package io.github.llmcost.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.llmcost.attribution.LlmCostTagContributor;
import io.github.llmcost.attribution.LlmCostTags;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The application of the OpenAI end-to-end tests: Spring AI's OpenAI client, llm-cost,
 * actuator, OpenTelemetry tracing into an in-memory exporter, and a small chat endpoint
 * whose calls are attributed from request headers.
 *
 * @author llm-cost contributors
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class OpenAiTestApplication {

	@Bean
	InMemorySpanExporter inMemorySpanExporter() {
		return InMemorySpanExporter.create();
	}

	@Bean
	LlmCostTagContributor headerTagContributor() {
		return (request) -> {
			Map<String, String> tags = new LinkedHashMap<>();
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				HttpServletRequest httpRequest = attributes.getRequest();
				putHeader(tags, "team", httpRequest.getHeader("X-Team"));
				putHeader(tags, "feature", httpRequest.getHeader("X-Feature"));
				putHeader(tags, "user", httpRequest.getHeader("X-User"));
			}
			return tags;
		};
	}

	private static void putHeader(Map<String, String> tags, String tag, String value) {
		if (value != null) {
			tags.put(tag, value);
		}
	}

	/**
	 * A chat endpoint that may override the feature of a call per request.
	 */
	@RestController
	static class ChatEndpoint {

		private final ChatClient chatClient;

		ChatEndpoint(ChatClient.Builder chatClientBuilder) {
			this.chatClient = chatClientBuilder.build();
		}

		@PostMapping("/chat")
		String chat(@RequestParam String message, @RequestParam String model,
				@RequestParam(required = false) String feature) {
			ChatClient.ChatClientRequestSpec prompt = this.chatClient.prompt()
				.options(OpenAiChatOptions.builder().model(model))
				.user(message);
			if (feature != null) {
				prompt.advisors(LlmCostTags.feature(feature));
			}
			return prompt.call().content();
		}

	}

}
