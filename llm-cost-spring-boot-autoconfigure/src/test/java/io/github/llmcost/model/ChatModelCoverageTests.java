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

package io.github.llmcost.model;

import io.github.llmcost.autoconfigure.LlmCostAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatModelCoverage}.
 *
 * @author llm-cost contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatModelCoverageTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, LlmCostAutoConfiguration.class));

	@Test
	void warnsOnceAboutAChatModelWithoutObservationRegistry(CapturedOutput output) {
		this.contextRunner.withBean("unobservedChatModel", ChatModel.class, () -> openAi(null)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).containsOnlyOnce(
					"ChatModel bean 'unobservedChatModel' (org.springframework.ai.openai.OpenAiChatModel) is not"
							+ " observed through the application's ObservationRegistry");
		});
	}

	@Test
	void saysNothingAboutAChatModelObservedThroughTheApplicationsRegistry(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ObservedChatModelConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("ChatModel bean 'chatModel'");
		});
	}

	private static OpenAiChatModel openAi(@Nullable ObservationRegistry observationRegistry) {
		OpenAiChatModel.Builder builder = OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder().apiKey("test-key").model("gpt-4o").build());
		return (observationRegistry != null) ? builder.observationRegistry(observationRegistry).build()
				: builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservedChatModelConfiguration {

		@Bean
		OpenAiChatModel chatModel(ObservationRegistry observationRegistry) {
			return openAi(observationRegistry);
		}

	}

}
