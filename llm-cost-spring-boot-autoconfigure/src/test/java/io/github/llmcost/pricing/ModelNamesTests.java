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

package io.github.llmcost.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelNames}.
 *
 * @author llm-cost contributors
 */
class ModelNamesTests {

	@ParameterizedTest
	@CsvSource({ "gpt-4o-2024-08-06, gpt-4o", "openai/gpt-4o, gpt-4o", "GPT-4o, gpt-4o",
			"claude-sonnet-4-20250514, claude-sonnet-4", "us.anthropic.claude-sonnet-4-20250514-v1:0, claude-sonnet-4",
			"anthropic.claude-3-5-sonnet-20240620-v1:0, claude-3-5-sonnet",
			"bedrock/us-east-1/anthropic.claude-3-haiku-20240307-v1:0, claude-3-haiku",
			"vertex_ai/claude-sonnet-4@20250514, claude-sonnet-4", "azure/us/gpt-5.6, gpt-5.6",
			"gemini/gemini-2.5-pro, gemini-2.5-pro", "amazon.nova-pro-v1:0, nova-pro" })
	void shouldStripProviderPrefixesAndDateAndVersionSuffixes(String model, String normalized) {
		assertThat(ModelNames.normalize(model)).isEqualTo(normalized);
	}

	@ParameterizedTest
	@CsvSource({ "gpt-4.1-mini", "o3", "gemini-2.5-pro", "llama3:70b", "mistral-large-2411", "deepseek-chat",
			"kimi-k2.5" })
	void shouldKeepNamesWithoutPrefixOrSuffix(String model) {
		assertThat(ModelNames.normalize(model)).isEqualTo(model);
	}

}
