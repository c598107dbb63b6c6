"""How many CPU threads a training process uses: a build that picks one thread on a machine with
more free cores would train at a fraction of the speed the user's CPU gives."""
import unittest
import unittest.mock

from netd_torch.trainer import cpu_threads


class CpuThreadsTest(unittest.TestCase):
    def threads(self, asked: int, world: int, cores: int, torch_picks: int) -> int:
        with unittest.mock.patch("netd_torch.trainer.torch.get_num_threads", return_value=torch_picks), \
                unittest.mock.patch("netd_torch.trainer.os.sched_getaffinity", return_value=set(range(cores)), create=True):
            return cpu_threads(asked, world)

    def test_workers_given_are_used_as_asked(self) -> None:
        self.assertEqual(self.threads(asked=3, world=1, cores=2, torch_picks=1), 3)

    def test_a_build_that_picks_one_thread_gets_the_free_cores(self) -> None:
        self.assertEqual(self.threads(asked=0, world=1, cores=2, torch_picks=1), 2)
        self.assertEqual(self.threads(asked=0, world=2, cores=8, torch_picks=1), 4)

    def test_processes_that_share_the_cores_keep_one_thread_each(self) -> None:
        self.assertEqual(self.threads(asked=0, world=2, cores=2, torch_picks=1), 1)

    def test_torchs_own_choice_of_several_threads_is_kept(self) -> None:
        self.assertEqual(self.threads(asked=0, world=1, cores=16, torch_picks=8), 8)


if __name__ == "__main__":
    unittest.main()
