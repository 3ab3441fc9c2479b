package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite of issue 25, its quick cases (FaultCampaign runs them all, with more kills): a test per
 * numbered item of the issue and one per kill scenario. Every case must end as expected: a success where one is due,
 * else one clear {@code error:} line with the right exit code; never a stack trace, a silently wrong result or lost
 * work. Cases that need process boundaries (SIGKILL, a second process, the exit latency of a full disk) run in JVMs of
 * their own; the others run in this one.
 */
class FaultInjectionTest {
    private static final Set<FaultCase.Verdict> GOOD = Set.of(FaultCase.Verdict.PASSED,
            FaultCase.Verdict.CLEAR_ERROR);

    @TempDir
    static Path dir;

    private static List<FaultCase> cases;

    @BeforeAll
    static void catalogue() {
        cases = new FaultCases(dir.resolve("references")).all(1);
    }

    private static void runQuick(String category, String nameFilter) throws Exception {
        List<String> bad = new ArrayList<>();
        int ran = 0;
        for (FaultCase c : cases) {
            if (c.quick() && c.category().equals(category) && c.name().contains(nameFilter)) {
                Path caseDir = Files.createDirectories(dir.resolve("case-" + cases.indexOf(c)));
                FaultCase.Outcome o = c.runner().run(caseDir, true);
                ran++;
                if (!GOOD.contains(o.verdict())) {
                    bad.add(c.name() + ": " + o.verdict() + ": " + o.detail());
                }
            }
        }
        assertThat(ran).as("quick cases of " + category).isPositive();
        assertThat(bad).as(category).isEmpty();
    }

    @Test
    void item1DivergingRunsStopKeepingOnlyFiniteCheckpoints() throws Exception {
        runQuick(FaultCases.DIVERGE, "");
    }

    @Test
    void item2DataFilesAreVerified() throws Exception {
        runQuick(FaultCases.DATA, "");
    }

    @Test
    void item3ARunDirectoryHasOneWriter() throws Exception {
        runQuick(FaultCases.LOCK, "");
    }

    @Test
    void item4WhatCanBeCheckedBeforeTrainingIs() throws Exception {
        runQuick(FaultCases.BEFORE, "");
    }

    @Test
    void item5ResumeIsStrict() throws Exception {
        runQuick(FaultCases.RESUME, "");
    }

    @Test
    void item6AFullDiskStopsTheRunWithOneLineAtOnce() throws Exception {
        runQuick(FaultCases.DISK, "");
    }

    @Test
    void item7MessagesAreClear() throws Exception {
        runQuick(FaultCases.MESSAGES, "");
    }

    @Test
    void aMetricLearnerKilledAtRandomResumesBitwise() throws Exception {
        runQuick(FaultCases.KILL, KillResume.Scenario.PROTONET.name());
    }

    @Test
    void aMamlLearnerKilledAtRandomResumesBitwise() throws Exception {
        runQuick(FaultCases.KILL, KillResume.Scenario.MAML.name());
    }

    @Test
    void aPipelineKilledAtRandomResumesBitwise() throws Exception {
        runQuick(FaultCases.KILL, KillResume.Scenario.PIPELINE.name());
    }
}
