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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs calls from many threads at once, released together, and collects their outcomes.
 *
 * @author llm-cost contributors
 */
public final class ConcurrentCalls {

	private ConcurrentCalls() {
	}

	/**
	 * Run calls concurrently.
	 * @param <T> the type of outcome
	 * @param threads the number of threads, each making one call
	 * @param call makes the call of the thread with the given index and returns its
	 * outcome
	 * @return the outcomes, by thread index
	 * @throws Exception if a thread fails unexpectedly
	 */
	public static <T> List<T> run(int threads, Function<Integer, T> call) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				Callable<T> task = () -> {
					start.await();
					return call.apply(index);
				};
				futures.add(executor.submit(task));
			}
			start.countDown();
			List<T> outcomes = new ArrayList<>();
			for (Future<T> future : futures) {
				outcomes.add(future.get());
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
