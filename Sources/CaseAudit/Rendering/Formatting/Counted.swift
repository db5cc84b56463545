/// A number with its noun, singular for one: "1 case", "2 cases", "1 criterion", "3 criteria".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
