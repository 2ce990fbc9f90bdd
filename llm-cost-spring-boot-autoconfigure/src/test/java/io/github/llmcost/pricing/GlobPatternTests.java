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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link GlobPattern}.
 *
 * @author llm-cost contributors
 */
class GlobPatternTests {

	@Test
	void starShouldMatchAnyRunOfCharactersIgnoringCase() {
		GlobPattern pattern = GlobPattern.compile("gpt-4o-*");
		assertThat(pattern.matches("gpt-4o-2024-08-06")).isTrue();
		assertThat(pattern.matches("GPT-4o-mini")).isTrue();
		assertThat(pattern.matches("gpt-4o")).isFalse();
		assertThat(pattern.matches("xgpt-4o-mini")).isFalse();
	}

	@Test
	void questionMarkShouldMatchOneCharacter() {
		GlobPattern pattern = GlobPattern.compile("o?-mini");
		assertThat(pattern.matches("o3-mini")).isTrue();
		assertThat(pattern.matches("o10-mini")).isFalse();
	}

	@Test
	void dotsAndOtherCharactersShouldBeLiteral() {
		GlobPattern pattern = GlobPattern.compile("gpt-4.1");
		assertThat(pattern.matches("gpt-4.1")).isTrue();
		assertThat(pattern.matches("gpt-4x1")).isFalse();
	}

	@Test
	void characterClassesShouldMatchOneOfASet() {
		assertThat(GlobPattern.compile("claude-[3-4]-*").matches("claude-3-opus")).isTrue();
		assertThat(GlobPattern.compile("claude-[3-4]-*").matches("claude-5-opus")).isFalse();
		assertThat(GlobPattern.compile("claude-[!3]-*").matches("claude-3-opus")).isFalse();
		assertThat(GlobPattern.compile("model[.:]v1").matches("model:v1")).isTrue();
	}

	@Test
	void bracesShouldMatchEitherAlternative() {
		GlobPattern pattern = GlobPattern.compile("my-{gpt,claude}-deployment");
		assertThat(pattern.matches("my-gpt-deployment")).isTrue();
		assertThat(pattern.matches("my-claude-deployment")).isTrue();
		assertThat(pattern.matches("my-gemini-deployment")).isFalse();
	}

	@Test
	void shouldRejectMalformedPatterns() {
		assertThatIllegalArgumentException().isThrownBy(() -> GlobPattern.compile("gpt-[4o"))
			.withMessageContaining("unclosed '['");
		assertThatIllegalArgumentException().isThrownBy(() -> GlobPattern.compile("gpt-4o]"))
			.withMessageContaining("unexpected ']'");
		assertThatIllegalArgumentException().isThrownBy(() -> GlobPattern.compile("{gpt,claude"))
			.withMessageContaining("unclosed '{'");
		assertThatIllegalArgumentException().isThrownBy(() -> GlobPattern.compile("gpt}"))
			.withMessageContaining("unexpected '}'");
		assertThatIllegalArgumentException().isThrownBy(() -> GlobPattern.compile("a[]b"))
			.withMessageContaining("empty '[]'");
		assertThatIllegalArgumentException().isThrownBy(() -> GlobPattern.compile("{a,{b}}"))
			.withMessageContaining("nested '{'");
	}

	@Test
	void shouldTellPatternsFromPlainNames() {
		assertThat(GlobPattern.isPattern("gpt-4o-*")).isTrue();
		assertThat(GlobPattern.isPattern("gpt-4.1")).isFalse();
	}

}
