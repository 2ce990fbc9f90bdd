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

import java.util.Map;

import io.github.llmcost.attribution.LlmCostTagContributor;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sample application: a chat API whose every model call llm-cost prices and records. With
 * {@code OPENAI_API_KEY} set it calls OpenAI; without it, an OpenAI simulator built into
 * the application (see {@link SampleModeEnvironmentPostProcessor}).
 *
 * @author llm-cost contributors
 */
@SpringBootApplication
public class LlmCostSampleApplication {

	/**
	 * Header whose value, if any, attributes a call to a team.
	 */
	static final String TEAM_HEADER = "X-Team";

	private static final String SYSTEM_PROMPT = "You are the assistant of the llm-cost sample application."
			+ " Answer in one short paragraph.";

	public static void main(String[] args) {
		SpringApplication.run(LlmCostSampleApplication.class, args);
	}

	@Bean
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.defaultSystem(SYSTEM_PROMPT).build();
	}

	@Bean
	LlmCostTagContributor teamFromHeader() {
		return (request) -> {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				String team = attributes.getRequest().getHeader(TEAM_HEADER);
				if (team != null) {
					return Map.of("team", team);
				}
			}
			return Map.of();
		};
	}

}
