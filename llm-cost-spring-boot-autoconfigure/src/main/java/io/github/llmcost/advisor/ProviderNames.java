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

package io.github.llmcost.advisor;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Names the provider of a call from the type of its chat options, with the values of
 * Spring AI's {@code AiProvider}, so that llm-cost's tags match Spring AI's own.
 *
 * @author llm-cost contributors
 */
final class ProviderNames {

	static final String NONE = "none";

	private static final String SUFFIX = "ChatOptions";

	private static final Map<String, String> BY_OPTIONS_TYPE = Map.ofEntries(Map.entry("OpenAiChatOptions", "openai"),
			Map.entry("AnthropicChatOptions", "anthropic"), Map.entry("OllamaChatOptions", "ollama"),
			Map.entry("MistralAiChatOptions", "mistral_ai"), Map.entry("DeepSeekChatOptions", "deepseek"),
			Map.entry("GoogleGenAiChatOptions", "google_genai"), Map.entry("VertexAiGeminiChatOptions", "vertex_ai"),
			Map.entry("BedrockChatOptions", "bedrock_converse"), Map.entry("MiniMaxChatOptions", "minimax"),
			Map.entry("ZhiPuAiChatOptions", "zhipuai"), Map.entry("MoonshotChatOptions", "moonshot"),
			Map.entry("AzureOpenAiChatOptions", "azure_openai"));

	private ProviderNames() {
	}

	/**
	 * Return the provider name for the given options.
	 * @param options the options of a call
	 * @return the provider, or {@code none} for provider-neutral options
	 */
	static String of(@Nullable ChatOptions options) {
		if (options == null) {
			return NONE;
		}
		String type = options.getClass().getSimpleName();
		String name = BY_OPTIONS_TYPE.get(type);
		if (name != null) {
			return name;
		}
		if (type.startsWith("Default") || !type.endsWith(SUFFIX) || type.length() == SUFFIX.length()) {
			return NONE;
		}
		return type.substring(0, type.length() - SUFFIX.length()).toLowerCase(Locale.ROOT);
	}

}
