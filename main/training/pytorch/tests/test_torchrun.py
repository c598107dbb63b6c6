"""netd_torch.torchrun: torchrun's stream settings parse on every Python, as torch 2 parses them."""
import unittest

from torch.distributed.elastic.multiprocessing.api import Std

from netd_torch.torchrun import repair_std_from_str, std_from_str_is_broken


class StdFromStrTest(unittest.TestCase):
    def test_after_the_repair_every_documented_value_parses(self) -> None:
        repair_std_from_str()
        self.assertFalse(std_from_str_is_broken())
        # The examples of torch's own docstring.
        self.assertIs(Std.from_str("0"), Std.NONE)
        self.assertIs(Std.from_str("1"), Std.OUT)
        self.assertIs(Std.from_str("3"), Std.ALL)
        self.assertEqual(Std.from_str("0:3,1:0,2:1,3:2"), {0: Std.ALL, 1: Std.NONE, 2: Std.OUT, 3: Std.ERR})
        with self.assertRaises(ValueError):
            Std.from_str("4")

    def test_a_second_repair_changes_nothing(self) -> None:
        repair_std_from_str()
        self.assertFalse(repair_std_from_str())


if __name__ == "__main__":
    unittest.main()
