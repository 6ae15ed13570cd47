"""The coordinating office's 督办 work: deadlines (时限), report rounds (报送节点), plan
corrections (计划修订) and the plan change log."""
